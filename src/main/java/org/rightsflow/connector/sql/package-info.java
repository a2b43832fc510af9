/**
 * The sql connector: reaches a relational database over JDBC and acts on one data subject's rows as a dataset
 * mapping declares them (docs/connected-systems.md, "sql"). Internal to the connector module: the only entry point
 * is {@link org.rightsflow.connector.sql.SqlConnector}, found by Spring as an
 * {@link org.rightsflow.connector.AutomatedConnector}.
 *
 * <p>Safety rules that hold in every class here: identifiers from the mapping are checked against
 * {@link org.rightsflow.connector.sql.Identifiers} before they are written into SQL (unquoted); values, the
 * subject's identity above all, only ever travel as bind parameters; error messages name tables, columns and SQL
 * states, never values.
 */
package org.rightsflow.connector.sql;
