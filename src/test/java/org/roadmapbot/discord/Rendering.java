package org.roadmapbot.discord;

import org.roadmapbot.core.Reply;

/** Test bridge: renders a reply exactly as the Discord adapter sends it (JDA checks every limit). */
public final class Rendering {

    private Rendering() {}

    public static void render(Reply reply) {
        ReplyRenderer.render(reply).close();
    }
}
