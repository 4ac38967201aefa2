package org.roadmapbot.discord.fake;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/**
 * The fake Discord's gateway socket, on loopback only: Java-WebSocket's server (handshake, framing,
 * ping/pong, the closing handshake) with the few calls the fake needs. Each client connection is one
 * {@link Connection}, the same object for its whole life, so the fake can key its sessions on it.
 */
public final class GatewaySocketServer implements Closeable {

    /** What the fake does with its connections. */
    public interface Handler {
        void onOpen(Connection connection);

        void onText(Connection connection, String text);

        /** {@code code}: the close code either side sent (Discord's 4000-4014 for gateway errors, 1000 for a clean stop). */
        default void onClose(Connection connection, int code) {}
    }

    /** One client connection. */
    public static final class Connection {
        private final WebSocket socket;

        private Connection(WebSocket socket) {
            this.socket = socket;
        }

        public void sendText(String text) {
            socket.send(text);
        }

        /** Closes from the server side with a status code. */
        public void close(int code) {
            socket.close(code);
        }
    }

    private final Server server;
    private final List<Connection> connections = new CopyOnWriteArrayList<>();

    public GatewaySocketServer(Handler handler) throws IOException {
        this.server = new Server(handler);
        server.setReuseAddr(true);
        server.setDaemon(true);
        server.start();
        try {
            if (!server.started.await(20, TimeUnit.SECONDS)) {
                throw new IOException("the fake gateway did not start");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while the fake gateway started", e);
        }
    }

    public int port() {
        return server.getPort();
    }

    public List<Connection> connections() {
        return connections;
    }

    @Override
    public void close() throws IOException {
        try {
            server.stop(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private final class Server extends WebSocketServer {
        private final Handler handler;
        private final CountDownLatch started = new CountDownLatch(1);

        Server(Handler handler) {
            super(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            this.handler = handler;
        }

        @Override
        public void onStart() {
            started.countDown();
        }

        @Override
        public void onOpen(WebSocket socket, ClientHandshake handshake) {
            Connection connection = new Connection(socket);
            socket.setAttachment(connection);
            connections.add(connection);
            handler.onOpen(connection);
        }

        @Override
        public void onMessage(WebSocket socket, String message) {
            handler.onText(socket.getAttachment(), message);
        }

        @Override
        public void onClose(WebSocket socket, int code, String reason, boolean remote) {
            Connection connection = socket.getAttachment();
            if (connection != null) {
                connections.remove(connection);
                handler.onClose(connection, code);
            }
        }

        @Override
        public void onError(WebSocket socket, Exception e) {
            if (socket == null) {
                System.err.println("fake gateway failed: " + e);
            }
        }
    }
}
