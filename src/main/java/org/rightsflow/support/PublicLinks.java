package org.rightsflow.support;

/**
 * The portal addresses put into emails. The paths must match the portal's controllers (/status/{token},
 * /verify/{token}); the base comes from {@code rightsflow.public-url} ({@link PublicLinksProperties}).
 */
public class PublicLinks {

    private final String base;

    public PublicLinks(String publicUrl) {
        this.base = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    public String status(String statusToken) {
        return base + "/status/" + statusToken;
    }

    public String verification(String verificationToken) {
        return base + "/verify/" + verificationToken;
    }

    /** Where an http system posts its late answer (the api module's callback endpoint). */
    public String systemCallback(String token) {
        return base + "/api/v1/callbacks/" + token;
    }

    /** Where a processor confirms it carried a request out (the portal's confirmation page). */
    public String processorConfirmation(String token) {
        return base + "/processors/confirm/" + token;
    }

    public String staffRequest(String reference) {
        return base + "/staff/requests/" + reference;
    }

    /** Where a staff member chooses their password (security's set-password page). */
    public String staffSetPassword(String token) {
        return base + "/staff/set-password/" + token;
    }

    public String staffLogin() {
        return base + "/login";
    }

    public String staffInbox() {
        return base + "/staff";
    }

    public String staffOptOutBatch(String reference) {
        return base + "/staff/opt-outs/" + reference;
    }

    public String preferences(String token) {
        return base + "/preferences/" + token;
    }

    public String preferencesStart() {
        return base + "/preferences";
    }
}
