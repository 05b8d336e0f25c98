package app.plugboard.integration;

import app.plugboard.common.UserId;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

interface IntegrationRepository extends Repository<Integration, IntegrationId> {

    Integration save(Integration integration);

    Optional<Integration> findById(IntegrationId id);

    @Query("select * from integration where id = :id and owner_id = :owner")
    Optional<Integration> findOwned(IntegrationId id, UserId owner);

    @Query("select * from integration where owner_id = :owner order by lower(label), created_at")
    List<Integration> findAllOwned(UserId owner);

    @Query("select exists(select 1 from integration where owner_id = :owner and lower(label) = lower(:label) and id <> :except)")
    boolean labelTaken(UserId owner, String label, IntegrationId except);

    @Modifying
    @Query("delete from integration where id = :id and owner_id = :owner and version = :version")
    int deleteOwned(IntegrationId id, UserId owner, long version);

    /** One page of every integration, in id order, for maintenance over all rows. */
    @Query("select * from integration where id > :after order by id limit :limit")
    List<Integration> findPageAfter(IntegrationId after, int limit);

    @Query("select count(*) from integration")
    long countAll();
}
