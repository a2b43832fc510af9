package org.rightsflow.connector;

/** A connector that can read a database's schema and propose a definition for it (the sql connector). */
public interface DiscoversSchemas {

    /**
     * @throws ConnectorException when the database cannot be reached or its catalogue read
     */
    SchemaProposal discover(SchemaProposal.Request request);
}
