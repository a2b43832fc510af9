package org.rightsflow.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The known staff groups (table staff_group) and their members. A group's name is its key and never changes (open
 * tasks are offered to it in the engine, systems and accounts hold it): renaming a group gives it a new display
 * name. Every change is recorded on the {@link AdminTimeline}.
 */
@Service
@Transactional(readOnly = true)
public class StaffGroups {

    /** Lower-case letters, digits, '.', '_' and '-', starting with a letter or digit: safe in URLs, YAML and logs. */
    static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,99}");
    static final int MAX_DISPLAY_NAME = 200;

    private final JdbcTemplate jdbc;
    private final StaffUsers users;
    private final AdminTimeline timeline;
    private final Clock clock;

    StaffGroups(JdbcTemplate jdbc, StaffUsers users, AdminTimeline timeline, Clock clock) {
        this.jdbc = jdbc;
        this.users = users;
        this.timeline = timeline;
        this.clock = clock;
    }

    /** Every known group, by name. */
    public List<StaffGroup> all() {
        List<StaffGroup> groups = jdbc.query("select name, display_name, created_at from staff_group order by name",
                (row, n) -> new StaffGroup(row.getString(1), row.getString(2), row.getTimestamp(3).toInstant(),
                        new ArrayList<>()));
        List<StaffUser> accounts = users.findAll();
        return groups.stream().map(group -> withMembers(group, accounts)).toList();
    }

    public Optional<StaffGroup> find(String name) {
        return jdbc.query("select name, display_name, created_at from staff_group where name = ?",
                        (row, n) -> new StaffGroup(row.getString(1), row.getString(2), row.getTimestamp(3).toInstant(),
                                List.of()), name).stream().findFirst()
                .map(group -> withMembers(group, users.findAll()));
    }

    public boolean exists(String name) {
        return name != null && !jdbc.queryForList("select name from staff_group where name = ?", String.class, name)
                .isEmpty();
    }

    @Transactional
    public StaffGroup create(String name, String displayName, String actor) {
        String key = name == null ? "" : name.strip();
        if (!NAME.matcher(key).matches()) {
            throw new InvalidStaffInput("name", "A group name is 2 to 100 lower-case letters, digits, '.', '_' or '-', "
                    + "starting with a letter or digit (for example billing-team).");
        }
        if (exists(key)) {
            throw new InvalidStaffInput("name", "A group named " + key + " already exists.");
        }
        String shown = displayName(displayName, key);
        jdbc.update("insert into staff_group (name, display_name, created_at) values (?, ?, ?)", key, shown,
                Timestamp.from(clock.instant()));
        timeline.record(actor, AdminAction.GROUP_CREATED, key, "Group " + key + " created, display name \"" + shown
                + "\".");
        return find(key).orElseThrow();
    }

    /** Gives the group a new display name; its key, members and systems stay as they are. */
    @Transactional
    public StaffGroup rename(String name, String displayName, String actor) {
        StaffGroup group = find(name).orElseThrow(() -> new InvalidStaffInput("name", "No group named " + name + "."));
        String shown = displayName(displayName, null);
        if (!shown.equals(group.displayName())) {
            jdbc.update("update staff_group set display_name = ? where name = ?", shown, group.name());
            timeline.record(actor, AdminAction.GROUP_RENAMED, group.name(), "Display name changed from \""
                    + group.displayName() + "\" to \"" + shown + "\".");
        }
        return find(name).orElseThrow();
    }

    /** Makes exactly these accounts the group's members. */
    @Transactional
    public StaffGroup setMembers(String name, Collection<String> usernames, String actor) {
        StaffGroup group = find(name).orElseThrow(() -> new InvalidStaffInput("name", "No group named " + name + "."));
        Set<String> wanted = new TreeSet<>(usernames);
        for (String username : wanted) {
            if (!users.existsById(username)) {
                throw new InvalidStaffInput("members", "There is no account named " + username + ".");
            }
        }
        Set<String> added = new TreeSet<>();
        Set<String> removed = new TreeSet<>();
        for (StaffUser user : users.findAll()) {
            boolean member = user.groups().contains(group.name());
            if (wanted.contains(user.username()) && !member) {
                user.groups().add(group.name());
                added.add(user.username());
            } else if (!wanted.contains(user.username()) && member) {
                user.groups().remove(group.name());
                removed.add(user.username());
            }
        }
        if (!added.isEmpty() || !removed.isEmpty()) {
            timeline.record(actor, AdminAction.GROUP_MEMBERS_CHANGED, group.name(),
                    "Added: " + (added.isEmpty() ? "nobody" : String.join(", ", added)) + ". Removed: "
                            + (removed.isEmpty() ? "nobody" : String.join(", ", removed)) + ".");
        }
        return find(name).orElseThrow();
    }

    /**
     * Makes each group known that accounts are given outside the administration pages (the demo and bootstrap
     * accounts), shown under its own name.
     */
    @Transactional
    void makeKnown(Collection<String> names) {
        for (String name : names) {
            if (!exists(name)) {
                jdbc.update("insert into staff_group (name, display_name, created_at) values (?, ?, ?)", name, name,
                        Timestamp.from(clock.instant()));
            }
        }
    }

    private static StaffGroup withMembers(StaffGroup group, List<StaffUser> accounts) {
        List<String> members = accounts.stream().filter(user -> user.groups().contains(group.name()))
                .map(StaffUser::username).sorted().toList();
        return new StaffGroup(group.name(), group.displayName(), group.createdAt(), members);
    }

    private static String displayName(String requested, String fallback) {
        String shown = requested == null ? "" : requested.strip();
        if (shown.isEmpty() && fallback != null) {
            return fallback;
        }
        if (shown.isEmpty()) {
            throw new InvalidStaffInput("displayName", "Give the group a display name.");
        }
        if (shown.length() > MAX_DISPLAY_NAME) {
            throw new InvalidStaffInput("displayName", "A display name is at most " + MAX_DISPLAY_NAME + " characters.");
        }
        return shown;
    }
}
