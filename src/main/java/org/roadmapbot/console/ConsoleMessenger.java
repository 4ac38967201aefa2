package org.roadmapbot.console;

import java.io.PrintStream;
import java.util.concurrent.CompletableFuture;
import org.roadmapbot.core.Messenger;
import org.roadmapbot.core.Reply;

/**
 * Scheduled deliveries in the console: printed, headed with who they were for, so `/nudge test`
 * (and a nudge that comes due while the console runs) shows the message Discord would send.
 */
public final class ConsoleMessenger implements Messenger {

    private final PrintStream out;

    public ConsoleMessenger(PrintStream out) {
        this.out = out;
    }

    @Override
    public CompletableFuture<Void> sendDirect(String guildId, String memberId, Reply message, String deliveryKey) {
        print("direct message to member " + memberId + " (server " + guildId + ")", message);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> postToChannel(String guildId, String channelId, Reply message, String deliveryKey) {
        print("post in channel " + channelId + " (server " + guildId + ")", message);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public boolean canPost(String guildId, String channelId) {
        return true;
    }

    private void print(String header, Reply message) {
        synchronized (out) {
            out.println("── " + header + " ──");
            out.println(ReplyPrinter.text(message));
            out.println("──");
            out.flush();
        }
    }
}
