package org.roadmapbot.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reopens an H2 file left by a crash (kill -9, power loss) at its last commit, where H2 2.5.252
 * alone can reopen it several commits earlier and so lose commits that had returned.
 *
 * <p>Why: H2 finds the newest chunk after a crash from its store header plus the chain of
 * "next chunk" predictions. When a commit's chunk lands in a reused hole that the previous chunk
 * did not predict, H2 rewrites the header, and since H2 commit 8492b8c2cf (2025-12-16, in 2.5.252,
 * not in 2.4.240) that header names the previous chunk instead of the new one. A crash before the
 * next header write then reopens the store at that previous chunk: the chunks written since are
 * complete in the file, but H2's quick recovery never looks at them. Measured (README, "Durability
 * under kill -9"): with WRITE_DELAY=0 and H2's 45 s retention, 17 of 113 copies of the file taken
 * right after a commit reopened without their last 1-10 rows, all once space reuse had begun; with
 * a 1 s retention 7 of 26 did, and none of 24 with H2 2.4.240 or 2.3.232. When an H2 upgrade fixes
 * this, H2CrashRecoveryTest says so (no copy needs recovering any more) and this class can go.
 *
 * <p>What: before the database is opened, when its header carries no clean-shutdown mark, H2's own
 * recovery mode ({@link MVStore.Builder#recoveryMode()}: a scan of every block for complete
 * chunks) is asked for the newest version. If it is newer than what H2's quick open sees, the file
 * is opened once in recovery mode and closed, which writes a header naming that newest chunk and
 * the clean mark; the file is copied aside first and the copy removed once the file reopens at
 * the recovered version. A clean file costs one read-only open of its header; the scan runs only
 * after a crash.
 */
final class H2CrashRecovery {

    private static final Logger LOG = LoggerFactory.getLogger(H2CrashRecovery.class);

    /** H2's store header key set on a clean close (FileStore.HDR_CLEAN). */
    private static final String CLEAN_MARK = "clean";
    /** Where the file is kept while it is being recovered. */
    static final String BEFORE_RECOVERY_SUFFIX = ".before-recovery";

    /** What a recovery did: the versions H2's quick open and the full scan found. */
    record Recovered(long quickVersion, long recoveredVersion) {}

    private H2CrashRecovery() {}

    /**
     * Brings {@code storeFile} (an H2 {@code .mv.db}) back to its last complete commit if a crash
     * left it where H2's quick open would miss some. Does nothing to a missing, cleanly closed,
     * locked (a running bot has it) or unreadable file: opening it then reports what is wrong.
     */
    static Optional<Recovered> recover(Path storeFile) {
        if (!Files.isRegularFile(storeFile)) {
            return Optional.empty();
        }
        String file = storeFile.toString();
        try {
            long quick;
            try (MVStore store = new MVStore.Builder().fileName(file).readOnly().open()) {
                if (store.getStoreHeader().containsKey(CLEAN_MARK)) {
                    return Optional.empty();
                }
                quick = store.getCurrentVersion();
            }
            long newest;
            try (MVStore store = new MVStore.Builder()
                    .fileName(file)
                    .readOnly()
                    .recoveryMode()
                    .open()) {
                newest = store.getCurrentVersion();
            }
            if (newest <= quick) {
                return Optional.empty();
            }
            return Optional.of(rewriteHeader(storeFile, quick, newest));
        } catch (MVStoreException e) {
            if (e.getErrorCode() != DataUtils.ERROR_FILE_LOCKED) {
                LOG.warn("could not check {} for commits a crash left unreachable: {}", file, e.getMessage());
            }
            return Optional.empty();
        }
    }

    private static Recovered rewriteHeader(Path storeFile, long quick, long newest) {
        Path aside = storeFile.resolveSibling(storeFile.getFileName() + BEFORE_RECOVERY_SUFFIX);
        try {
            Files.copy(storeFile, aside, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + storeFile + " aside before recovering it", e);
        }
        // Recovery mode opened for writing: on close H2 stores the recovered state and writes a
        // header naming its newest chunk, with the clean mark, so the next open starts there.
        new MVStore.Builder()
                .fileName(storeFile.toString())
                .recoveryMode()
                .open()
                .close();
        long reopened;
        try (MVStore store =
                new MVStore.Builder().fileName(storeFile.toString()).readOnly().open()) {
            reopened = store.getCurrentVersion();
        }
        if (reopened < newest) {
            try {
                Files.move(aside, storeFile, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new UncheckedIOException(
                        "recovering " + storeFile + " failed and the original could not be put back from " + aside, e);
            }
            LOG.warn(
                    "{} was not closed cleanly and reopens at version {}, while its last complete commit is "
                            + "version {}; recovering it did not take, the file is left as it was",
                    storeFile,
                    quick,
                    newest);
            return new Recovered(quick, quick);
        }
        try {
            Files.delete(aside);
        } catch (IOException e) {
            LOG.debug("could not delete {}: {}", aside, e.toString());
        }
        LOG.warn(
                "{} was not closed cleanly (a crash or kill -9): H2 would have reopened it at version {}, "
                        + "{} commit(s) before its last one; recovered up to version {}",
                storeFile,
                quick,
                newest - quick,
                reopened);
        return new Recovered(quick, reopened);
    }
}
