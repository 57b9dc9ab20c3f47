package fr.portailfamilles.reservation.waitingroom.application;

import org.springframework.stereotype.Component;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.PoolMetrics;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.Wrapped;

/**
 * Reads the R2DBC pool: a booking is a few short transactions, so requests queueing for a connection are the first
 * sign that bookings slow down. The loop runs on one instance, which reads its own pool: instances behind the
 * gateway share the load alike, so one pool stands for the others.
 */
@Component
public class PoolLoadGauge implements LoadGauge {

    private final ConnectionPool pool;

    public PoolLoadGauge(ConnectionFactory connections) {
        this.pool = find(connections);
    }

    private static ConnectionPool find(Object factory) {
        for (int depth = 0; factory != null && depth < 5; depth++) {
            if (factory instanceof ConnectionPool found) {
                return found;
            }
            factory = factory instanceof Wrapped<?> wrapped ? wrapped.unwrap() : null;
        }
        return null;
    }

    @Override
    public int pendingAcquires() {
        return pool == null ? 0 : pool.getMetrics().map(PoolMetrics::pendingAcquireSize).orElse(0);
    }

    @Override
    public int poolSize() {
        return pool == null ? 0 : pool.getMetrics().map(PoolMetrics::getMaxAllocatedSize).orElse(0);
    }
}
