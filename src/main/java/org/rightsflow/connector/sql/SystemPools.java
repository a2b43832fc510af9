package org.rightsflow.connector.sql;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One small connection pool per connected sql system, so that an action does not open (and authenticate) a
 * connection of its own. A pool belongs to the system's key and to the connection settings it was built from, with
 * the password as resolved: when the definition changes or a secret is rotated, the next action finds different
 * settings, closes the old pool and builds a new one. A pool keeps no connection once it has been idle for the idle
 * timeout.
 */
final class SystemPools implements AutoCloseable {

    /** The settings a pool was built from; the password as resolved, so that a rotated secret makes a new pool. */
    record Target(String url, String username, String password) {

        @Override
        public String toString() {
            return "Target[" + url + "]"; // never the password
        }
    }

    private record Pool(Target target, HikariDataSource dataSource) {
    }

    private final SqlPoolProperties settings;
    private final Map<String, Pool> pools = new ConcurrentHashMap<>();
    /** One lock per system: building the pool of a system that does not answer holds up only that system. */
    private final Map<String, Object> locks = new ConcurrentHashMap<>();

    SystemPools(SqlPoolProperties settings) {
        this.settings = settings;
    }

    /**
     * A connection to the system from its pool; closing it gives it back. The pool resets what an action changed
     * (auto-commit, read-only, isolation) when it is given back.
     *
     * @throws SQLException as the driver reports it when the database cannot be reached
     */
    Connection connection(String systemKey, Target target) throws SQLException {
        return pool(systemKey, target).getConnection();
    }

    /** Closes the system's pool, if it has one: its definition changed or it is gone. */
    void forget(String systemKey) {
        Pool gone;
        synchronized (lock(systemKey)) {
            gone = pools.remove(systemKey);
        }
        if (gone != null) {
            gone.dataSource().close();
        }
    }

    /** How many systems have a pool now: for tests. */
    int size() {
        return pools.size();
    }

    private Object lock(String systemKey) {
        return locks.computeIfAbsent(systemKey, key -> new Object());
    }

    private HikariDataSource pool(String systemKey, Target target) throws SQLException {
        Pool current = pools.get(systemKey);
        if (current != null && current.target().equals(target)) {
            return current.dataSource();
        }
        HikariDataSource stale = null;
        HikariDataSource dataSource;
        synchronized (lock(systemKey)) {
            Pool pool = pools.get(systemKey);
            if (pool != null && pool.target().equals(target)) {
                return pool.dataSource();
            }
            if (pool != null) {
                pools.remove(systemKey);
                stale = pool.dataSource();
            }
            dataSource = create(systemKey, target);
            pools.put(systemKey, new Pool(target, dataSource));
        }
        if (stale != null) {
            // Connections in use finish their action; the pool closes them as they come back.
            stale.close();
        }
        return dataSource;
    }

    /** A new pool that has opened its first connection: a database that cannot be reached fails here, at once. */
    private HikariDataSource create(String systemKey, Target target) throws SQLException {
        HikariConfig config = new HikariConfig();
        config.setPoolName("sql-system-" + systemKey);
        config.setJdbcUrl(target.url());
        config.setUsername(target.username());
        config.setPassword(target.password());
        config.setMaximumPoolSize(settings.poolSize());
        config.setMinimumIdle(0);
        config.setIdleTimeout(Math.max(settings.idleTimeout().toMillis(), 10_000));
        config.setConnectionTimeout(Math.max(settings.connectionTimeout().toMillis(), 250));
        config.setInitializationFailTimeout(1);
        try {
            return new HikariDataSource(config);
        } catch (HikariPool.PoolInitializationException e) {
            if (e.getCause() instanceof SQLException cause) {
                throw cause;
            }
            throw new SQLException("Could not open a connection: " + Objects.toString(e.getCause(), e.getMessage()),
                    "08001", e);
        }
    }

    @Override
    public void close() {
        List<String> keys = List.copyOf(pools.keySet());
        keys.forEach(this::forget);
    }
}
