package org.roadmapbot.progress;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.roadmapbot.app.AppConfig;
import org.roadmapbot.app.Application;
import org.roadmapbot.core.CommandRequest;
import org.roadmapbot.core.Reply;
import org.roadmapbot.knowledge.data.RoadmapFile.Topic;

/**
 * Child process of {@link CrashTest}: makes {@link #CHANGES} progress changes through the real
 * application and command router, printing each one only after its reply (= after its commit).
 * Line format: {@code <n> <member> start} or {@code <n> <member> done <topic>}.
 */
public final class CrashWriter {

    static final int CHANGES = 1000;
    static final int PER_MEMBER = 25;
    static final String GUILD = "crash-guild";

    public static void main(String[] args) throws Exception {
        try (Application app = Application.start(new AppConfig(Path.of(args[0]), Optional.empty()))) {
            List<Topic> topics = app.knowledge().topicsForTrack("python");
            System.out.println("READY");
            for (int n = 0; n < CHANGES; n++) {
                String member = "m" + (n / PER_MEMBER);
                int step = n % PER_MEMBER;
                CommandRequest request = step == 0
                        ? request(member, "start", Map.of("track", "python", "pace", "full-time"))
                        : request(
                                member,
                                "done",
                                Map.of("topic", topics.get(step - 1).id()));
                Reply reply = app.router().dispatch(request);
                if (reply.error()) {
                    throw new IllegalStateException("change " + n + " refused: " + reply.content());
                }
                System.out.println(n + " " + member
                        + (step == 0
                                ? " start"
                                : " done " + topics.get(step - 1).id()));
                System.out.flush();
                Thread.sleep(1); // keep the run long enough to be killed in the middle
            }
            System.out.println("FINISHED");
        }
    }

    private static CommandRequest request(String member, String sub, Map<String, Object> options) {
        return new CommandRequest(GUILD, member, member, false, "progress", sub, options);
    }
}
