package io.steadfast.accountability.internal.store;

import java.time.LocalDateTime;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

@Entity(name = "AccountabilityGroup")
@Table(name = "accountability_group")
public class GroupEntity {
    @Id
    @Column(name = "id", length = 36)
    String id;

    @Column(name = "name", nullable = false)
    String name;

    @Column(name = "description")
    String description;

    @Column(name = "owner_id", nullable = false, length = 36)
    String ownerId;

    @Column(name = "created_at", nullable = false)
    LocalDateTime createdAt;
}
