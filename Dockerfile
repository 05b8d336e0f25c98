# Builds and runs Plugboard. Used by docker-compose.yml; see the README's "Self-hosting".
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -q dependency:go-offline
COPY src src
RUN ./mvnw -B -q -DskipTests package

FROM eclipse-temurin:17-jre
RUN useradd --system --home-dir /app --shell /usr/sbin/nologin plugboard
WORKDIR /app
COPY --from=build /src/target/plugboard.jar /app/plugboard.jar
USER plugboard
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/plugboard.jar"]
