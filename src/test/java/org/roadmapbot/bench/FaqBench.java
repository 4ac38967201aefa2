package org.roadmapbot.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import org.HdrHistogram.Histogram;
import org.roadmapbot.app.Application;
import org.roadmapbot.core.CommandRequest;
import org.roadmapbot.core.Reply;
import org.roadmapbot.faq.CuratedAnswer;
import org.roadmapbot.faq.ServerFaqs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * `bench faq`: servers that taught their bot (issue 18). Stores --servers servers with --answers
 * curated answers each in the bot's database (in batches, as `/faq add` would leave them), then, through
 * the router as a member's /ask: the time to a server's first answer (its index built on that question),
 * the /ask p99 on servers whose index is warm, and the live heap after every server was asked once (the
 * per-server indexes are bounded by {@link ServerFaqs#DEFAULT_CACHE_BYTES}, so it must not grow with the
 * number of servers). Each asked question is a paraphrase of one of the server's answers; a curated
 * answer that is not found is counted, so a broken index can't make the figures look good.
 */
@Command(
        name = "faq",
        description = "10,000 servers × 50 curated answers: heap, time to a server's first answer, warm /ask p99.")
public final class FaqBench implements Callable<Integer> {

    /** Subjects of the generated answers: each server gets --answers of them, in its own order. */
    private static final String[] SUBJECTS = {
        "book club",
        "study call",
        "code review",
        "resume review",
        "mentor program",
        "study buddy",
        "job board",
        "showcase channel",
        "voice hangout",
        "hackathon",
        "office hours",
        "pair programming",
        "interview practice",
        "reading group",
        "game night",
        "project jam",
        "accountability thread",
        "demo day",
        "lightning talks",
        "coffee chat",
        "welcome tour",
        "moderator election",
        "server rules",
        "nickname policy",
        "bot commands channel",
        "meme channel",
        "introductions channel",
        "weekly challenge",
        "monthly newsletter",
        "alumni role",
        "verified role",
        "helper role",
        "event calendar",
        "ticket system",
        "appeal process",
        "sponsorship",
        "merch store",
        "donation link",
        "github organization",
        "open source day",
        "linux install party",
        "typing contest",
        "algorithm club",
        "database workshop",
        "cloud credits",
        "laptop fund",
        "scholarship",
        "translation team",
        "music bot",
        "birthday role"
    };

    @Option(
            names = "--servers",
            description = "Servers with curated answers (default: ${DEFAULT-VALUE}).",
            defaultValue = "10000")
    int servers;

    @Option(
            names = "--answers",
            description = "Curated answers per server (default: ${DEFAULT-VALUE}, at most 50).",
            defaultValue = "50")
    int answers;

    @Option(
            names = "--cold",
            description =
                    "Servers asked for the first time, for the time to a first answer (default: ${DEFAULT-VALUE}).",
            defaultValue = "200")
    int cold;

    @Option(
            names = "--warm",
            description = "Servers kept warm for the /ask p99 (default: ${DEFAULT-VALUE}).",
            defaultValue = "50")
    int warm;

    @Option(
            names = "--asks",
            description = "Questions asked on warm servers (default: ${DEFAULT-VALUE}).",
            defaultValue = "20000")
    int asks;

    @Mixin
    BenchSetup setup;

    @Override
    public Integer call() throws Exception {
        if (answers < 1 || answers > SUBJECTS.length || servers < cold + warm) {
            System.err.println(
                    "bench faq: --answers must be 1-" + SUBJECTS.length + " and --servers at least --cold + --warm");
            return 2;
        }
        try (BenchSetup.Run run = setup.start("roadmap-bot-faq")) {
            BenchDirectory directory = run.directory();
            Application app = run.app();
            long fillStart = System.nanoTime();
            fill(app);
            double fillSeconds = (System.nanoTime() - fillStart) / 1e9;
            double heapBefore = Machine.liveHeapMegabytes();
            Random random = new Random(18);
            int[] misses = {0};

            // A server's first question: its answers read from the database and its index built.
            Histogram first = Latencies.histogram();
            for (int s = 0; s < cold; s++) {
                long t = System.nanoTime();
                int n = random.nextInt(answers);
                Reply reply = ask(app, s, n);
                Latencies.record(first, System.nanoTime() - t);
                count(reply, n, misses);
            }

            // Warm servers: their indexes cached, every question a lookup in one.
            int warmFrom = cold;
            for (int s = warmFrom; s < warmFrom + warm; s++) {
                count(ask(app, s, 0), 0, misses);
            }
            for (int i = 0; i < Math.min(asks / 10, 2_000); i++) {
                ask(app, warmFrom + random.nextInt(warm), random.nextInt(answers)); // JIT warm-up
            }
            Histogram warmAsk = Latencies.histogram();
            for (int i = 0; i < asks; i++) {
                int s = warmFrom + random.nextInt(warm);
                long t = System.nanoTime();
                int n = random.nextInt(answers);
                Reply reply = ask(app, s, n);
                Latencies.record(warmAsk, System.nanoTime() - t);
                count(reply, n, misses);
            }

            // The same questions in a server without curated answers: the bundled pipeline alone, for comparison.
            Histogram plain = Latencies.histogram();
            for (int i = 0; i < asks; i++) {
                int s = warmFrom + random.nextInt(warm);
                long t = System.nanoTime();
                app.router()
                        .dispatch(new CommandRequest(
                                guild(servers + 1),
                                "5",
                                "Member",
                                false,
                                "ask",
                                null,
                                Map.of("question", question(s, random.nextInt(answers)))));
                Latencies.record(plain, System.nanoTime() - t);
            }

            // Every other server asked once: the cache fills to its bound and evicts the least recently used.
            long sweepStart = System.nanoTime();
            for (int s = warmFrom + warm; s < servers; s++) {
                int n = random.nextInt(answers);
                count(ask(app, s, n), n, misses);
            }
            double sweepSeconds = (System.nanoTime() - sweepStart) / 1e9;
            app.askLog().flush();
            double heapAfter = Machine.liveHeapMegabytes();
            int asked = cold + warm + asks + (servers - cold - warm);

            BenchSetup.header();
            BenchSetup.row(
                    "servers × curated answers (stored in the database in)",
                    String.format(Locale.ROOT, "%,d × %d (%.0f s)", servers, answers, fillSeconds));
            BenchSetup.row(
                    "time to a server's first answer (index built): median / p99",
                    String.format(
                            Locale.ROOT,
                            "%.1f ms / %.1f ms",
                            first.getValueAtPercentile(50) / 1e6,
                            first.getValueAtPercentile(99) / 1e6));
            BenchSetup.row(
                    String.format(Locale.ROOT, "/ask p99, warm server index (%,d asks over %d servers)", asks, warm),
                    String.format(
                            Locale.ROOT,
                            "%.2f ms (median %.2f ms)",
                            warmAsk.getValueAtPercentile(99) / 1e6,
                            warmAsk.getValueAtPercentile(50) / 1e6));
            BenchSetup.row(
                    "/ask p99, same questions in a server without curated answers",
                    String.format(
                            Locale.ROOT,
                            "%.2f ms (median %.2f ms)",
                            plain.getValueAtPercentile(99) / 1e6,
                            plain.getValueAtPercentile(50) / 1e6));
            BenchSetup.row(
                    String.format(Locale.ROOT, "every server asked once (%,d servers)", servers - cold - warm),
                    String.format(
                            Locale.ROOT,
                            "%.0f s (%.1f ms per server)",
                            sweepSeconds,
                            sweepSeconds * 1000 / Math.max(1, servers - cold - warm)));
            BenchSetup.row(
                    "server indexes cached after every server was asked (estimated bytes, bound)",
                    String.format(
                            Locale.ROOT,
                            "%,d (%.1f MB of %.0f MB)",
                            app.faqs().cachedServers(),
                            app.faqs().cachedBytes() / 1e6,
                            ServerFaqs.DEFAULT_CACHE_BYTES / 1e6));
            BenchSetup.row(
                    "live heap after full GC: data stored → every server asked once",
                    String.format(
                            Locale.ROOT,
                            "%.1f MB → %.1f MB (%+.1f MB)",
                            heapBefore,
                            heapAfter,
                            heapAfter - heapBefore));
            BenchSetup.row(
                    "paraphrases not answered by their curated answer",
                    String.format(Locale.ROOT, "%d of %,d", misses[0], asked));
            BenchSetup.row("database size", directory.databaseSize());
            BenchSetup.machine();
            return 0;
        }
    }

    /** Every server's row and answers, in batches of one transaction per 100 servers. */
    private void fill(Application app) throws SQLException {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        try (Connection c = app.database().dataSource().getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement server = c.prepareStatement(
                            "INSERT INTO faq_server (guild_id, revision, next_number, keep_questions,"
                                    + " help_channel_id, updated_at) VALUES (?, 1, ?, TRUE, NULL, ?)");
                    PreparedStatement answer =
                            c.prepareStatement("INSERT INTO faq_answer (guild_id, answer_number, questions, answer,"
                                    + " member_id, created_at, updated_at) VALUES (?, ?, ?, ?, NULL, ?, ?)")) {
                for (int s = 0; s < servers; s++) {
                    String guild = guild(s);
                    server.setString(1, guild);
                    server.setInt(2, answers + 1);
                    server.setObject(3, now);
                    server.addBatch();
                    for (int n = 1; n <= answers; n++) {
                        String subject = subject(s, n - 1);
                        answer.setString(1, guild);
                        answer.setInt(2, n);
                        answer.setString(
                                3,
                                "Is there a " + subject + " on this server?\nHow does the " + subject + " work here?");
                        answer.setString(
                                4,
                                "Our " + subject + " (" + s + "-" + n
                                        + ") is run by the moderators: see the pinned message in #"
                                        + subject.replace(' ', '-') + " for the times and how to join.");
                        answer.setObject(5, now);
                        answer.setObject(6, now);
                        answer.addBatch();
                    }
                    if (s % 100 == 99 || s == servers - 1) {
                        server.executeBatch();
                        answer.executeBatch();
                        c.commit();
                    }
                }
            }
        }
    }

    /** Server s's n-th subject: the subjects rotated by the server's number, so servers differ. */
    private static String subject(int s, int n) {
        return SUBJECTS[(n + s) % SUBJECTS.length];
    }

    private static String guild(int s) {
        return Long.toString(800_000_000_000_000_000L + s);
    }

    private Reply ask(Application app, int s, int n) {
        return app.router()
                .dispatch(new CommandRequest(
                        guild(s), "5" + (s % 1000), "Member", false, "ask", null, Map.of("question", question(s, n))));
    }

    /** A member's wording of server s's n-th answer (none of its example questions word for word). */
    private static String question(int s, int n) {
        return "how do i join the " + subject(s, n) + " here?";
    }

    /** Counts a miss unless the reply cites the asked answer (numbered from 1). */
    private static void count(Reply reply, int n, int[] misses) {
        if (!reply.sources().contains(CuratedAnswer.ID_PREFIX + (n + 1))) {
            misses[0]++;
        }
    }

    static {
        // The subjects must be distinct: a server's answers are told apart by them.
        if (Arrays.stream(SUBJECTS).distinct().count() != SUBJECTS.length) {
            throw new IllegalStateException("duplicate subjects");
        }
    }
}
