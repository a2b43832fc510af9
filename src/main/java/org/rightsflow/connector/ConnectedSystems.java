package org.rightsflow.connector;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface ConnectedSystems extends JpaRepository<ConnectedSystem, Long> {

    List<ConnectedSystem> findAllByOrderByNameAsc();

    boolean existsByKey(String key);
}
