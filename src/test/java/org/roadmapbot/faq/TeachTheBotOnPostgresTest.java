package org.roadmapbot.faq;

import java.nio.file.Path;
import java.util.Optional;
import org.roadmapbot.app.AppConfig;
import org.roadmapbot.testing.TestPostgres;

/** The whole loop and its edges again, on a real PostgreSQL (a fresh database per test). */
class TeachTheBotOnPostgresTest extends TeachTheBotTest {

    @Override
    AppConfig config(Path dataDir) {
        return new AppConfig(dataDir, Optional.empty()).withDatabase(TestPostgres.freshDatabase());
    }
}
