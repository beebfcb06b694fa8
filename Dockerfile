# Builds and runs the Master Payer Offboarding Engine. Used by docker-compose.yml.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -ntp -q dependency:go-offline
COPY bpmn bpmn
COPY src src
RUN ./mvnw -B -ntp -q -DskipTests package

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 --home-dir /app offboarding && mkdir -p /app/data && chown -R offboarding /app
WORKDIR /app
COPY --from=build /src/target/master-payer-offboarding-*.jar /app/app.jar
USER offboarding
EXPOSE 8080
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/app.jar"]
