# syntax=docker/dockerfile:1
# One image recipe for every service: build the jars first (./mvnw -B -DskipTests package), then
#   docker build --build-arg SERVICE=account-service -t portail-familles/account-service .
# docker-compose.yml does this for each service.

FROM eclipse-temurin:17-jre AS layers
ARG SERVICE
WORKDIR /build
COPY ${SERVICE}/target/${SERVICE}.jar application.jar
# Spring Boot's layers (dependencies change less often than the application), so a rebuild ships less.
RUN java -Djarmode=tools -jar application.jar extract --layers --launcher --destination extracted

FROM eclipse-temurin:17-jre
ARG SERVICE
LABEL org.opencontainers.image.title="portail-familles/${SERVICE}" \
      org.opencontainers.image.source="https://github.com/portail-familles/portail-familles"
RUN groupadd --system --gid 10001 portail \
    && useradd --system --uid 10001 --gid portail --no-create-home --home-dir /app --shell /usr/sbin/nologin portail
WORKDIR /app
COPY --from=layers /build/extracted/dependencies/ ./
COPY --from=layers /build/extracted/spring-boot-loader/ ./
COPY --from=layers /build/extracted/snapshot-dependencies/ ./
COPY --from=layers /build/extracted/application/ ./
USER portail:portail

# Every service reads SERVER_PORT; compose sets it, 8080 is only the image's default.
ENV SERVER_PORT=8080 \
    JAVA_OPTS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError -Dfile.encoding=UTF-8"
EXPOSE 8080

# No curl or wget needed: bash's /dev/tcp asks Spring Boot's health endpoint and looks for UP.
HEALTHCHECK --interval=10s --timeout=5s --start-period=90s --retries=5 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/${SERVER_PORT} && printf 'GET /actuator/health HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && grep -q '\"status\":\"UP\"' <&3"]

# exec: the JVM is PID 1 and gets SIGTERM itself, so Spring's graceful shutdown runs on docker stop.
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS org.springframework.boot.loader.launch.JarLauncher \"$@\"", "--"]
