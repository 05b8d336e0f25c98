# Builds and runs Plugboard. Used by docker-compose.yml; see the README's "Self-hosting".
# JAVA_VERSION: the Java runtime of the image (17, the floor, by default). On 25 or later the image starts from the
# JDK's AOT cache instead of a class data sharing archive: about a second faster again (README, "Startup to ready").
ARG JAVA_VERSION=17

FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -q dependency:go-offline
COPY src src
RUN ./mvnw -B -q -DskipTests package

FROM eclipse-temurin:${JAVA_VERSION}-jre
# docker-compose.yml's health check asks the web port with curl, which this base image ships: fail the build, not
# the health check, if it ever stops doing so
RUN curl --version > /dev/null \
    && useradd --system --home-dir /app --shell /usr/sbin/nologin plugboard \
    && mkdir /app && chown plugboard /app
WORKDIR /app
COPY --from=build --chown=plugboard /src/target/plugboard.jar /app/plugboard.jar
USER plugboard
# The training run: Plugboard starts once on a throwaway embedded database and stops when its context is ready; the
# fast start (README, "Fast start") records the archive of this jar on this runtime beside it, in /app/plugboard.start,
# and every container starts from it. The build fails if no archive was written.
RUN PLUGBOARD_DATA_DIR=/tmp/training PLUGBOARD_CONSOLE_ENABLED=false PLUGBOARD_WEB_PORT=0 PLUGBOARD_MANAGEMENT_PORT=0 \
        java -Dspring.context.exit=onRefresh -jar /app/plugboard.jar \
    && rm -rf /tmp/training \
    && find /app/plugboard.start -name 'plugboard.jsa' -o -name 'plugboard.aot' | grep -q .
# the web port; the management port (metrics, 8081) listens on the container's loopback unless
# PLUGBOARD_MANAGEMENT_ADDRESS says otherwise (see docker-compose.yml)
EXPOSE 8080
# The heap may take half of the container's memory limit: the JVM needs some 180 MB beside it (classes, compiled
# code, threads, the archive), and the small starting JVM its share (README, "Memory at rest": give it 512 MB)
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=50", "-jar", "/app/plugboard.jar"]
