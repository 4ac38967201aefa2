package org.roadmapbot.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.roadmapbot.core.Reply;

/**
 * Where {@code console --files DIR} puts the files of replies (leaderboard pictures, progress
 * cards, the {@code /privacy export} JSON), so a terminal user can open what Discord would show.
 * A file never overwrites another: a second {@code leaderboard.png} becomes {@code leaderboard-2.png}.
 */
public final class AttachmentFiles {

    private final Path dir;

    public AttachmentFiles(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
    }

    /** Writes each attachment of the reply and returns their paths, in the reply's order. */
    public List<Path> save(Reply reply) {
        List<Path> saved = new ArrayList<>();
        for (Reply.Attachment attachment : reply.attachments()) {
            saved.add(write(attachment));
        }
        return saved;
    }

    private Path write(Reply.Attachment attachment) {
        String name = safeName(attachment.fileName());
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String extension = dot > 0 ? name.substring(dot) : "";
        try {
            Files.createDirectories(dir);
            for (int n = 1; ; n++) {
                Path target = dir.resolve(n == 1 ? name : stem + "-" + n + extension);
                try {
                    // CREATE_NEW: checking and creating in one step, so two consoles sharing DIR never overwrite.
                    Files.write(target, attachment.data(), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                    return target;
                } catch (FileAlreadyExistsException taken) {
                    // try the next number
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + name + " to " + dir + ": " + e.getMessage(), e);
        }
    }

    /** The last path segment of the name with only portable characters: the name never leaves DIR. */
    static String safeName(String fileName) {
        String base = fileName.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1).replaceAll("[^A-Za-z0-9._-]", "_");
        base = base.replaceAll("^\\.+", "");
        return base.isEmpty() ? "attachment" : base;
    }
}
