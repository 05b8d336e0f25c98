package app.plugboard.integration;

import app.plugboard.common.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

interface IntegrationRepository extends Repository<Integration, IntegrationId> {

    Integration save(Integration integration);

    Optional<Integration> findById(IntegrationId id);

    @Query("select * from integration where id = :id and owner_id = :owner")
    Optional<Integration> findOwned(IntegrationId id, UserId owner);

    /** One statement, outside any transaction: what a background check reads. */
    @Query("select * from integration where id = :id")
    Optional<Integration> findForCheck(IntegrationId id);

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

    /**
     * What a check found, and the health it leads to, in one statement; only while the alert is still the one
     * the decision was based on (else two checks at once could both tell the owner). A {@code PENDING} status is
     * no check: "last checked" stays.
     *
     * @return 1, or 0 when the integration is gone or its alert changed meanwhile
     */
    @Modifying
    @Query("""
            update integration set status = :status, status_reason = :reason,
                last_checked_at = case when :status = 'PENDING' then last_checked_at else :now end,
                last_success_at = case when :status = 'CONNECTED' then :now else last_success_at end,
                failing_since = :failingSince, alert = :alert
            where id = :id and owner_id = :owner and alert = :seenAlert""")
    int recordStatus(IntegrationId id, UserId owner, String status, @Nullable String reason, Instant now,
            @Nullable Instant failingSince, String alert, String seenAlert);
}
