package io.steadfast.habit.internal.store;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.Set;

import javax.persistence.CollectionTable;
import javax.persistence.Column;
import javax.persistence.ElementCollection;
import javax.persistence.Entity;
import javax.persistence.FetchType;
import javax.persistence.Id;
import javax.persistence.JoinColumn;
import javax.persistence.Table;

@Entity(name = "Vacation")
@Table(name = "vacation")
public class VacationEntity {

    @Id
    @Column(name = "id", length = 36)
    String id;

    @Column(name = "user_id", length = 36, nullable = false)
    String userId;

    @Column(name = "from_date", nullable = false)
    LocalDate from;

    @Column(name = "to_date", nullable = false)
    LocalDate to;

    @Column(name = "all_habits", nullable = false)
    boolean allHabits;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "vacation_habit", joinColumns = @JoinColumn(name = "vacation_id"))
    @Column(name = "habit_id", length = 36)
    Set<String> habitIds = new HashSet<>();

    @Column(name = "created_at", nullable = false)
    LocalDateTime createdAt;
}
