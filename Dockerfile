# Builds and runs Plugboard. Used by docker-compose.yml; see the README's "Self-hosting".
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -q dependency:go-offline
COPY src src
RUN ./mvnw -B -q -DskipTests package

FROM eclipse-temurin:17-jre
# docker-compose.yml's health check asks the web port with curl, which this base image ships: fail the build, not
# the health check, if it ever stops doing so
RUN curl --version > /dev/null \
    && useradd --system --home-dir /app --shell /usr/sbin/nologin plugboard
WORKDIR /app
COPY --from=build /src/target/plugboard.jar /app/plugboard.jar
USER plugboard
# the web port; the management port (metrics, 8081) listens on the container's loopback unless
# PLUGBOARD_MANAGEMENT_ADDRESS says otherwise (see docker-compose.yml)
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/plugboard.jar"]
