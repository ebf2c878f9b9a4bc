# Build: docker build -t kommander-support-bot .
# Run:   docker run --env-file .env -p 3000:3000 kommander-support-bot
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src src
COPY config config
# Formatting and tests are CI's job (.ci/run); the image only packages.
RUN mvn -B -q package -DskipTests -Dspotless.apply.skip=true

FROM eclipse-temurin:17-jre
RUN apt-get update && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --home-dir /app bot
WORKDIR /app
COPY --from=build /src/target/kommander-support-bot.jar /app/kommander-support-bot.jar
COPY config /app/config
RUN mkdir -p /app/data && chown bot /app/data
ENV PORT=3000 \
    CATALOG_FILE=/app/config/releases.yaml \
    DATA_DIR=/app/data
USER bot
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=3s --start-period=20s \
  CMD curl -fsS "http://127.0.0.1:${PORT}/healthz" || exit 1
# A fixed, small heap: the live set is a few MB plus caches bounded to ~30 MB, and a heap sized
# from the node's RAM (MaxRAMPercentage without a container limit) let RSS reach 255 MB under load.
# With these flags peak RSS under load is ~150 MB (bench/LoadHarness reads them from this line).
# SerialGC suits one or two cores; an OutOfMemoryError restarts the container instead of limping.
ENTRYPOINT ["java", "-XX:+UseSerialGC", "-Xss512k", "-Xms32m", "-Xmx128m", "-XX:ReservedCodeCacheSize=48m", "-XX:+ExitOnOutOfMemoryError", "-jar", "/app/kommander-support-bot.jar"]
CMD ["serve"]
