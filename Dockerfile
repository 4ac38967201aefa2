# Build stage: the same command as the README's build step.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src ./src
COPY roadmap-data ./roadmap-data
COPY prompts ./prompts
RUN mvn -B -DskipTests package

# Runtime stage: a slim Java 17 runtime, non-root, data on a volume.
FROM eclipse-temurin:17-jre
# Fonts for the leaderboard and progress pictures (Java2D draws text with the system's fonts):
# DejaVu for Latin/Greek/Cyrillic, Noto CJK and Noto's other scripts, math letters and symbols
# as the fallback chain, so members' names are drawn as they wrote them.
RUN apt-get update && apt-get install -y --no-install-recommends fontconfig fonts-dejavu-core \
        fonts-noto-core fonts-noto-cjk \
    && rm -rf /var/lib/apt/lists/*
RUN useradd --system --uid 10001 --home-dir /app bot && mkdir -p /data && chown bot /data
WORKDIR /app
COPY --from=build /src/target/roadmap-bot.jar /app/roadmap-bot.jar
USER bot
ENV ROADMAP_BOT_DATA_DIR=/data
VOLUME ["/data"]
# The token comes from the environment (DISCORD_TOKEN) or a mounted file (DISCORD_TOKEN_FILE).
ENTRYPOINT ["java", "-XX:+ExitOnOutOfMemoryError", "-jar", "/app/roadmap-bot.jar"]
