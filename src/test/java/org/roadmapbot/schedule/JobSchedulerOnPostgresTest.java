package org.roadmapbot.schedule;

import org.roadmapbot.db.DatabaseConfig;
import org.roadmapbot.testing.TestPostgres;

/** The Quartz job store tests again on PostgreSQL (PostgreSQLDelegate, BYTEA job data). */
class JobSchedulerOnPostgresTest extends JobSchedulerTest {
    @Override
    DatabaseConfig databaseConfig() {
        return TestPostgres.freshDatabase();
    }
}
