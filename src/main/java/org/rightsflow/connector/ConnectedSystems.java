package org.rightsflow.connector;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface ConnectedSystems extends JpaRepository<ConnectedSystem, Long> {

    List<ConnectedSystem> findAllByOrderByNameAsc();

    Optional<ConnectedSystem> findByKey(String key);

    boolean existsByKey(String key);
}
