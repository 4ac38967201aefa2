package org.roadmapbot.privacy;

import java.nio.file.Path;
import org.roadmapbot.testing.TestBot;
import org.roadmapbot.testing.TestPostgres;

/** Every /privacy test again, on a real PostgreSQL (a fresh database per test). */
class PrivacyCommandOnPostgresTest extends PrivacyCommandTest {
    @Override
    TestBot newBot(Path dir) {
        return new TestBot(TestPostgres.freshDatabase(), dir);
    }
}
