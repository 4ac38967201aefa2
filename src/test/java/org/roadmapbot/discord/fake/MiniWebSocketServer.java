package org.roadmapbot.discord.fake;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A minimal RFC 6455 WebSocket server for tests, on loopback only: the HTTP upgrade, text
 * frames (fragmented or not) from masking clients, ping/pong, and the closing handshake.
 * Enough to play Discord's gateway for JDA's client; nothing more.
 */
public final class MiniWebSocketServer implements Closeable {

    /** What the server does with its connections. */
    public interface Handler {
        void onOpen(Connection connection);

        void onText(Connection connection, String text);

        default void onClose(Connection connection, int code) {
        }
    }

    private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    private final ServerSocket server;
    private final Handler handler;
    private final List<Connection> connections = new CopyOnWriteArrayList<>();
    private final Thread acceptor;
    private volatile boolean running = true;

    public MiniWebSocketServer(Handler handler) throws IOException {
        this.handler = handler;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.acceptor = new Thread(this::acceptLoop, "fake-gateway-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    public List<Connection> connections() {
        return connections;
    }

    private void acceptLoop() {
        while (running) {
            try {
                Socket socket = server.accept();
                Thread t = new Thread(() -> serve(socket), "fake-gateway-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                if (running) {
                    System.err.println("fake gateway accept failed: " + e);
                }
                return;
            }
        }
    }

    private void serve(Socket socket) {
        Connection connection = null;
        try (socket) {
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            String key = handshake(in);
            if (key == null) {
                out.write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                return;
            }
            out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Accept: " + accept(key) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            connection = new Connection(socket, out);
            connections.add(connection);
            handler.onOpen(connection);
            readFrames(connection, in);
        } catch (SocketException e) {
            // closed by either side
        } catch (IOException e) {
            System.err.println("fake gateway connection failed: " + e);
        } finally {
            if (connection != null) {
                connections.remove(connection);
                if (!connection.closeCodeSeen()) {
                    handler.onClose(connection, 1006);
                }
            }
        }
    }

    private void readFrames(Connection connection, InputStream in) throws IOException {
        ByteArrayOutputStream message = new ByteArrayOutputStream();
        while (true) {
            int b0 = in.read();
            if (b0 < 0) {
                return;
            }
            boolean fin = (b0 & 0x80) != 0;
            int opcode = b0 & 0x0F;
            int b1 = readByte(in);
            boolean masked = (b1 & 0x80) != 0;
            long length = b1 & 0x7F;
            if (length == 126) {
                length = (readByte(in) << 8) | readByte(in);
            } else if (length == 127) {
                length = 0;
                for (int i = 0; i < 8; i++) {
                    length = (length << 8) | readByte(in);
                }
            }
            if (length > 16 * 1024 * 1024) {
                throw new IOException("frame too large for a test: " + length);
            }
            byte[] mask = masked ? in.readNBytes(4) : null;
            byte[] payload = in.readNBytes((int) length);
            if (payload.length != length) {
                return;
            }
            if (mask != null) {
                for (int i = 0; i < payload.length; i++) {
                    payload[i] ^= mask[i % 4];
                }
            }
            switch (opcode) {
                case 0x0, 0x1, 0x2 -> {
                    message.write(payload);
                    if (fin) {
                        String text = message.toString(StandardCharsets.UTF_8);
                        message.reset();
                        handler.onText(connection, text);
                    }
                }
                case 0x8 -> {
                    int code = payload.length >= 2 ? ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF) : 1005;
                    connection.markClosed(code);
                    handler.onClose(connection, code);
                    connection.sendFrame(0x8, payload.length >= 2 ? new byte[] {payload[0], payload[1]} : new byte[0]);
                    return;
                }
                case 0x9 -> connection.sendFrame(0xA, payload);
                default -> {
                    // pong or reserved: ignore
                }
            }
        }
    }

    private static int readByte(InputStream in) throws IOException {
        int b = in.read();
        if (b < 0) {
            throw new SocketException("end of stream inside a frame");
        }
        return b;
    }

    /** Reads the upgrade request's headers; returns the Sec-WebSocket-Key, or null if it is not an upgrade. */
    private static String handshake(InputStream in) throws IOException {
        String key = null;
        boolean upgrade = false;
        String line;
        boolean first = true;
        while ((line = readLine(in)) != null && !line.isEmpty()) {
            if (first) {
                first = false;
                continue;
            }
            int colon = line.indexOf(':');
            if (colon > 0) {
                String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                String value = line.substring(colon + 1).trim();
                if (name.equals("sec-websocket-key")) {
                    key = value;
                } else if (name.equals("upgrade") && value.equalsIgnoreCase("websocket")) {
                    upgrade = true;
                }
            }
        }
        return upgrade ? key : null;
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            if (b == '\n') {
                break;
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return b < 0 && line.size() == 0 ? null : line.toString(StandardCharsets.US_ASCII);
    }

    private static String accept(String key) {
        try {
            byte[] sha1 = MessageDigest.getInstance("SHA-1").digest((key + GUID).getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(sha1);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws IOException {
        running = false;
        server.close();
        for (Connection c : connections) {
            c.closeSocket();
        }
    }

    /** One client connection; writes are serialised. */
    public static final class Connection {
        private final Socket socket;
        private final OutputStream out;
        private volatile int closeCode = -1;

        Connection(Socket socket, OutputStream out) {
            this.socket = socket;
            this.out = out;
        }

        public void sendText(String text) {
            try {
                sendFrame(0x1, text.getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new IllegalStateException("fake gateway could not send: " + e, e);
            }
        }

        /** Closes from the server side with a status code (Discord uses 4000-4014 for gateway errors). */
        public void close(int code) {
            try {
                sendFrame(0x8, new byte[] {(byte) (code >> 8), (byte) code});
            } catch (IOException e) {
                // already gone
            }
        }

        public int closeCode() {
            return closeCode;
        }

        boolean closeCodeSeen() {
            return closeCode >= 0;
        }

        void markClosed(int code) {
            closeCode = code;
        }

        synchronized void sendFrame(int opcode, byte[] payload) throws IOException {
            ByteArrayOutputStream frame = new ByteArrayOutputStream();
            frame.write(0x80 | opcode);
            if (payload.length < 126) {
                frame.write(payload.length);
            } else if (payload.length < 65536) {
                frame.write(126);
                frame.write(payload.length >> 8);
                frame.write(payload.length);
            } else {
                frame.write(127);
                for (int i = 7; i >= 0; i--) {
                    frame.write((int) ((long) payload.length >> (8 * i)));
                }
            }
            frame.write(payload);
            out.write(frame.toByteArray());
            out.flush();
        }

        void closeSocket() {
            try {
                socket.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
    }
}
