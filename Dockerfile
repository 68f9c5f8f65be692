# One image for every Eurus service: the command decides what runs (ingest, processor, alerts).
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN mvn -B -q -DskipTests -pl cli -am package

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 --home-dir /var/lib/eurus --create-home eurus
COPY --from=build /src/cli/target/eurus.jar /app/eurus.jar
USER eurus
WORKDIR /var/lib/eurus
# Heap per service; raise it for large feed lists or rule sets.
ENV EURUS_JAVA_OPTS="-Xmx384m"
ENTRYPOINT ["sh", "-c", "exec java $EURUS_JAVA_OPTS -jar /app/eurus.jar \"$@\"", "eurus"]
CMD ["--help"]
