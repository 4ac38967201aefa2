package org.roadmapbot.db;

import java.io.File;
import java.net.URL;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The migrations shipped in src/main/resources/db/migration, as the tests see them. */
final class Migrations {

    private static final Pattern NAME = Pattern.compile("V(\\d+)__.+\\.sql");

    private Migrations() {}

    static List<String> versions() {
        URL dir = Migrations.class.getClassLoader().getResource("db/migration");
        File[] files = new File(dir.getPath()).listFiles();
        return Arrays.stream(files)
                .map(f -> NAME.matcher(f.getName()))
                .filter(Matcher::matches)
                .map(m -> m.group(1))
                .sorted(Comparator.comparingInt(Integer::parseInt))
                .toList();
    }

    static String latest() {
        List<String> versions = versions();
        return versions.get(versions.size() - 1);
    }
}
