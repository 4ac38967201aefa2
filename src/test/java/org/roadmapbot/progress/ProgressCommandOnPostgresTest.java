package org.roadmapbot.progress;

import java.nio.file.Path;
import org.roadmapbot.testing.TestBot;
import org.roadmapbot.testing.TestPostgres;

/** Every /progress test again, on a real PostgreSQL (a fresh database per test). */
class ProgressCommandOnPostgresTest extends ProgressCommandTest {
    @Override
    TestBot newBot(Path dir) {
        return new TestBot(TestPostgres.freshDatabase(), dir);
    }
}
