package org.rightsflow.connector;

/** Why a one-time token was handed out. */
public enum CallbackPurpose {
    /** An http system answers an accepted (202) action at its callback URL. */
    HTTP_CALLBACK,
    /** A processor confirms, from the emailed link, that it carried the request out. */
    PROCESSOR_CONFIRMATION
}
