package org.roadmapbot.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roadmapbot.app.AppConfig;
import org.roadmapbot.app.Application;
import org.roadmapbot.app.StartupException;

class OpsConfigTest {

    @TempDir
    Path dir;

    @Test
    void defaultsServeNothingAndTakeNoBackups() {
        OpsConfig config = OpsConfig.fromEnvironment(Map.of());
        assertThat(config.httpPort()).isEmpty();
        assertThat(config.httpHost()).isEqualTo("127.0.0.1");
        assertThat(config.backupDir()).isEmpty();
        assertThat(config.backupKeep()).isEqualTo(7);
        assertThat(config.backupEvery()).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void readsEverySetting() {
        OpsConfig config = OpsConfig.fromEnvironment(Map.of(
                OpsConfig.HTTP_PORT,
                " 8080 ",
                OpsConfig.HTTP_HOST,
                "0.0.0.0",
                OpsConfig.BACKUP_DIR,
                "/backups",
                OpsConfig.BACKUP_KEEP,
                "3",
                OpsConfig.BACKUP_INTERVAL_HOURS,
                "6"));
        assertThat(config.httpPort()).contains(8080);
        assertThat(config.httpHost()).isEqualTo("0.0.0.0");
        assertThat(config.backupDir()).contains(Path.of("/backups"));
        assertThat(config.backupKeep()).isEqualTo(3);
        assertThat(config.backupEvery()).isEqualTo(Duration.ofHours(6));
    }

    @Test
    void badValuesStopStartUpWithOneLineNamingTheVariable() {
        assertThatThrownBy(() -> AppConfig.fromEnvironment(Map.of(OpsConfig.HTTP_PORT, "http")))
                .isInstanceOf(StartupException.class)
                .hasMessage("ROADMAP_BOT_HTTP_PORT must be a whole number, not 'http'");
        assertThatThrownBy(() -> AppConfig.fromEnvironment(Map.of(OpsConfig.HTTP_PORT, "70000")))
                .isInstanceOf(StartupException.class)
                .hasMessageContaining("between 1 and 65535");
        assertThatThrownBy(() -> AppConfig.fromEnvironment(Map.of(OpsConfig.BACKUP_KEEP, "0")))
                .isInstanceOf(StartupException.class)
                .hasMessageContaining("ROADMAP_BOT_BACKUP_KEEP");
        assertThatThrownBy(() -> AppConfig.fromEnvironment(Map.of(OpsConfig.BACKUP_INTERVAL_HOURS, "0")))
                .isInstanceOf(StartupException.class)
                .hasMessageContaining("ROADMAP_BOT_BACKUP_INTERVAL_HOURS");
    }

    @Test
    @SuppressWarnings("AddressSelection") // a literal loopback address: there is one
    void aPortInUseIsAClearStartUpError() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
                Application app = Application.start(new AppConfig(dir, Optional.empty())
                        .withOps(OpsConfig.off().withHttpPort(taken.getLocalPort())))) {
            assertThatThrownBy(() -> app.serveOps(() -> Health.Status.up("test")))
                    .isInstanceOf(StartupException.class)
                    .hasMessageStartingWith("cannot serve health and metrics on 127.0.0.1:" + taken.getLocalPort());
        }
    }
}
