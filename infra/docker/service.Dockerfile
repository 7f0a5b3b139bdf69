# One image recipe for every CaseFlow service: docker compose passes the module as SERVICE.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY . .
ARG SERVICE
# infra's runnable jar carries the classifier "exec"; a service's jar has none
RUN ./mvnw -B -q -pl ${SERVICE} -am package -DskipTests \
 && jar=$(ls ${SERVICE}/target/${SERVICE}-*-exec.jar 2>/dev/null || ls ${SERVICE}/target/${SERVICE}-*.jar) \
 && cp "$jar" /app.jar

FROM eclipse-temurin:17-jre
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 caseflow \
 && mkdir /data && chown caseflow /data
COPY --from=build /app.jar /app/app.jar
USER caseflow
ENV SPRING_PROFILES_ACTIVE=container \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -Duser.timezone=Asia/Shanghai -Dfile.encoding=UTF-8"
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
