# Build: docker build -t kommander-support-bot .
# Run:   docker run --env-file .env -p 3000:3000 -v kommander-data:/app/data kommander-support-bot
# (the volume keeps the outbox journal, subscriptions and learned releases when the container is
# recreated; docs/operations.md, "Docker"). deploy/ImageReplayTest replays this file's runtime
# stage without a Docker engine: keep its instructions to WORKDIR, COPY, RUN, ENV, USER, VOLUME.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src src
COPY config config
# Formatting and tests are CI's job (.ci/run); the image only packages.
RUN mvn -B -q package -DskipTests -Dspotless.skip=true

FROM eclipse-temurin:17-jre
# fontconfig and DejaVu: the timeline PNG is drawn with Java2D, which needs a font in headless mode.
RUN apt-get update && apt-get install -y --no-install-recommends curl fontconfig fonts-dejavu-core \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --home-dir /app bot
WORKDIR /app
COPY --from=build /src/target/kommander-support-bot.jar /app/kommander-support-bot.jar
COPY config /app/config
# The runtime user owns only what it writes: the data folder. The class archive's folder is its
# own until the training run below has written it, then root's.
RUN install -d -o 10001 -g 10001 -m 0750 /app/data /app/cds
# Numeric, so Kubernetes' runAsNonRoot can verify it.
USER 10001
# Class-data sharing: a training run (serve without Slack, one question, stop) archives the classes
# that start-up loads, so each start maps them instead of parsing them from the jar (README,
# Figures). It runs as the runtime user, offline (UPSTREAM_TAGS_URL=off: nothing is fetched, and a
# build without network gives the same image), with a throwaway DATA_DIR, so nothing it writes is
# left in /app/data. Best effort: without an archive the JVM just starts slower. Same JVM, same jar
# path and flags as the ENTRYPOINT, or the archive is not used.
RUN train=$(mktemp -d) \
    && (DATA_DIR="$train" UPSTREAM_TAGS_URL=off PORT=3000 \
        java @/app/config/jvm.options -XX:ArchiveClassesAtExit=/app/cds/kommander-support-bot.jsa \
        -Xlog:cds=off -Xlog:cds+dynamic=off -jar /app/kommander-support-bot.jar serve & \
        for i in $(seq 150); do curl -fsS -o /dev/null http://127.0.0.1:3000/healthz && break; sleep 0.2; done; \
        curl -fsS -o /dev/null 'http://127.0.0.1:3000/ask?q=1.4'; kill $! && wait $!) ; \
    rm -rf "$train"; true
USER root
RUN chown -R root:root /app/cds && chmod -R a+rX,go-w /app/cds
USER 10001
ENV PORT=3000 \
    CATALOG_FILE=/app/config/releases.yaml \
    DATA_DIR=/app/data
VOLUME /app/data
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=3s --start-period=20s \
  CMD curl -fsS "http://127.0.0.1:${PORT}/healthz" || exit 1
# The JVM flags live in config/jvm.options (bench/LoadHarness reads this line and that file).
ENTRYPOINT ["java", "@/app/config/jvm.options", "-XX:SharedArchiveFile=/app/cds/kommander-support-bot.jsa", "-jar", "/app/kommander-support-bot.jar"]
CMD ["serve"]
