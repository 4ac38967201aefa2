# Build stage: the same command as the README's build step.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
# javac flags Error Prone needs (the build runs it in every compile)
COPY .mvn ./.mvn
RUN mvn -B -q dependency:go-offline
COPY src ./src
COPY roadmap-data ./roadmap-data
COPY prompts ./prompts
COPY jvm.options ./jvm.options
RUN mvn -B -DskipTests package

# Runtime stage: a slim Java 17 runtime, non-root, data on a volume.
FROM eclipse-temurin:17-jre
# Fonts for the leaderboard and progress pictures (Java2D draws text with the system's fonts):
# DejaVu for Latin/Greek/Cyrillic, Noto CJK and Noto's other scripts, math letters and symbols
# as the fallback chain, so members' names are drawn as they wrote them. curl for the health check.
RUN apt-get update && apt-get install -y --no-install-recommends fontconfig fonts-dejavu-core \
        fonts-noto-core fonts-noto-cjk curl \
    && rm -rf /var/lib/apt/lists/*
RUN useradd --system --uid 10001 --home-dir /app bot && mkdir -p /data && chown bot /data
WORKDIR /app
COPY --from=build /src/target/roadmap-bot.jar /app/roadmap-bot.jar
COPY jvm.options /app/jvm.options
# Class-data sharing: one question answered at build time records the classes a first answer needs
# (Lucene, Jackson, picocli, the bot's own), parsed and verified, in an archive the JVM maps at start-up
# instead of loading them from the jar again (README "Docker": the first answer about 0.5 s sooner).
# `ask` reads only the bundled data and writes nothing. A JVM that cannot use the archive (another
# JDK build) starts without it.
RUN java @/app/jvm.options -XX:ArchiveClassesAtExit=/app/roadmap-bot.jsa \
        -jar /app/roadmap-bot.jar ask "how long is phase 1" > /dev/null
USER bot
ENV ROADMAP_BOT_DATA_DIR=/data \
    # glibc keeps fewer malloc arenas (see jvm.options): part of the memory bound.
    MALLOC_ARENA_MAX=2 \
    # /health and /metrics inside the container; reachable from outside only if you publish the port.
    ROADMAP_BOT_HTTP_PORT=8080 \
    ROADMAP_BOT_HTTP_HOST=0.0.0.0
VOLUME ["/data"]
EXPOSE 8080
# Healthy: database reachable, Discord gateway connected, scheduler running (503 names what is not).
# Start-up may wait up to 2 minutes for Discord to send every server.
HEALTHCHECK --interval=30s --timeout=5s --start-period=150s --retries=3 \
    CMD curl -fsS -o /dev/null http://127.0.0.1:8080/health || exit 1
# The token comes from the environment (DISCORD_TOKEN) or a mounted file (DISCORD_TOKEN_FILE).
# A clean stop compacts the database file: give it time (docker run --stop-timeout 60).
ENTRYPOINT ["java", "@/app/jvm.options", "-XX:SharedArchiveFile=/app/roadmap-bot.jsa", "-jar", "/app/roadmap-bot.jar"]
