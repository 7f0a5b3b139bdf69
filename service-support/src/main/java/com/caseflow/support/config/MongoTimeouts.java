package com.caseflow.support.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * How long a service waits on its store before it gives up: short, so an unreachable or frozen store turns into an
 * error within seconds (a 503, readiness DOWN, a consumer that pauses) instead of the driver's 30 s and unbounded
 * socket reads that held request threads until clients gave up. Overridable per service under {@code caseflow.mongo}.
 *
 * @param serverSelectionTimeout how long an operation waits for a reachable server (driver default 30 s)
 * @param connectTimeout how long opening a connection may take (driver default 10 s)
 * @param socketTimeout how long one read may wait for the server's answer (driver default: for ever); longer than
 *                      the slowest legitimate query of the services
 * @param poolMaxWait how long an operation waits for a free connection of the pool (driver default 2 min)
 * @param operationTimeout how long one operation may take in all, its server selection, pool wait, the driver's own
 *                         retry of a read or write after a network error and every read included (the driver's
 *                         client-side operation timeout, {@code timeoutMS}): without it a frozen store could hold a
 *                         request for server selection plus two socket timeouts
 */
@ConfigurationProperties("caseflow.mongo")
public record MongoTimeouts(Duration serverSelectionTimeout, Duration connectTimeout, Duration socketTimeout,
                            Duration poolMaxWait, Duration operationTimeout) {

    public MongoTimeouts {
        serverSelectionTimeout = orDefault(serverSelectionTimeout, Duration.ofMillis(2500));
        connectTimeout = orDefault(connectTimeout, Duration.ofSeconds(2));
        socketTimeout = orDefault(socketTimeout, Duration.ofSeconds(5));
        poolMaxWait = orDefault(poolMaxWait, Duration.ofSeconds(2));
        operationTimeout = orDefault(operationTimeout, Duration.ofSeconds(5));
    }

    private static Duration orDefault(Duration value, Duration fallback) {
        return value == null ? fallback : value;
    }
}
