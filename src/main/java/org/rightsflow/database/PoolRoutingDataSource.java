package org.rightsflow.database;

import com.zaxxer.hikari.HikariDataSource;
import java.util.Map;
import org.springframework.jdbc.datasource.lookup.AbstractRoutingDataSource;

/**
 * The application's one DataSource: a servlet request's thread is served by the web pool, every other thread by the
 * background pool. A transaction keeps the connection it began with, so routing by thread never splits one.
 */
final class PoolRoutingDataSource extends AbstractRoutingDataSource implements AutoCloseable {

    static final String WEB = "web";
    static final String BACKGROUND = "background";

    private final HikariDataSource web;
    private final HikariDataSource background;

    PoolRoutingDataSource(HikariDataSource web, HikariDataSource background) {
        this.web = web;
        this.background = background;
        setTargetDataSources(Map.of(WEB, web, BACKGROUND, background));
        setDefaultTargetDataSource(background);
        setLenientFallback(false);
        afterPropertiesSet();
    }

    @Override
    protected Object determineCurrentLookupKey() {
        return WebThreads.servingRequest() ? WEB : BACKGROUND;
    }

    HikariDataSource web() {
        return web;
    }

    HikariDataSource background() {
        return background;
    }

    @Override
    public void close() {
        web.close();
        background.close();
    }
}
