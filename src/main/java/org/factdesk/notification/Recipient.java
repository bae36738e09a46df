package org.factdesk.notification;

/**
 * Whom a mail is for: one user (mailed at the address the user directory gives when the mail is sent), every member
 * of a group, or one address.
 */
record Recipient(String user, String group, String address) {

    static Recipient user(String user) {
        return new Recipient(user, null, null);
    }

    static Recipient group(String group) {
        return new Recipient(null, group, null);
    }

    static Recipient address(String address) {
        return new Recipient(null, null, address);
    }

    /** An address (it has an {@code @}) or else a group's id, as {@code factdesk.notifications.digest-to} gives it. */
    static Recipient addressOrGroup(String value) {
        return value.contains("@") ? address(value) : group(value);
    }
}
