package org.rightsflow.workflow;

/** The names the BPMN models in bpmn/ and the Java code share. Change one, change the other. */
public final class ProcessModel {

    public static final String DATA_SUBJECT_REQUEST = "data-subject-request";
    public static final String FULFIL_IN_SYSTEM = "fulfil-in-system";
    /** One instance per appeal against a decision, business key the request reference. */
    public static final String REQUEST_APPEAL = "request-appeal";
    /** One instance per batch of opt-outs (optout module), business key the batch reference. */
    public static final String OPT_OUT_BATCH = "opt-out-batch";

    public static final String MESSAGE_IDENTITY_VERIFIED = "IdentityVerified";
    /** A system answered later: an http callback or a processor's confirmation. */
    public static final String MESSAGE_SYSTEM_ANSWERED = "SystemAnswered";

    /**
     * The candidate group of the privacy officers' own tasks (the review of a correction claim). Staff with the
     * privacy officer role are reminded of these tasks even when they are not members of the group.
     */
    public static final String PRIVACY_OFFICERS_GROUP = "privacy-officers";

    /** Activities of data-subject-request. */
    public static final class Activities {
        public static final String ACKNOWLEDGE = "acknowledge-request";
        public static final String VERIFICATION_NEEDED = "verification-needed";
        public static final String SEND_VERIFICATION_LINK = "send-verification-link";
        public static final String AWAIT_VERIFICATION = "await-verification";
        public static final String IDENTITY_VERIFIED = "identity-verified";
        public static final String VERIFICATION_EXPIRED = "verification-expired";
        public static final String RECORD_VERIFICATION = "record-verification";
        public static final String CLOSE_UNVERIFIABLE = "close-unverifiable";
        public static final String CLOSED_UNVERIFIABLE = "closed-unverifiable";
        public static final String CARRY_OUT_REQUEST = "carry-out-request";
        public static final String CORRECTION_CLAIMED = "correction-claimed";
        public static final String REVIEW_CORRECTION = "review-correction";
        public static final String CLAIM_SETTLED = "claim-settled";
        public static final String SELECT_SYSTEMS = "select-systems";
        public static final String FULFIL_IN_SYSTEMS = "fulfil-in-systems";
        /** The reminder ladder inside "Carry out the request": one timer at a time, for the next rung. */
        public static final String START_LADDER = "start-ladder";
        public static final String NEXT_RUNG = "next-rung";
        public static final String PLAN_NEXT_RUNG = "plan-next-rung";
        public static final String RUNG_DUE = "rung-due";
        public static final String WHICH_RUNG = "which-rung";
        public static final String SEND_REMINDER = "send-reminder";
        public static final String ESCALATE_OVERDUE = "escalate-overdue";
        public static final String PACKAGE_NEEDED = "package-needed";
        public static final String PACKAGE_REVIEW_NEEDED = "package-review-needed";
        public static final String REVIEW_PACKAGE = "review-package";
        public static final String PACKAGE_REVIEWED = "package-reviewed";
        public static final String ASSEMBLE_PACKAGE = "assemble-package";
        public static final String PACKAGE_SETTLED = "package-settled";
        public static final String CARRIED_OUT = "carried-out";
        public static final String SEND_RESPONSE = "send-response";
        public static final String CLOSE_REQUEST = "close-request";
        public static final String REQUEST_CLOSED = "request-closed";

        /** Activities of fulfil-in-system. */
        public static final String PREPARE_SYSTEM_TASK = "prepare-system-task";
        public static final String ROUTE = "route";
        public static final String FULFIL_TASK = "fulfil-task";
        public static final String PLAN_ERASURE = "plan-erasure";
        public static final String APPROVE_ERASURE = "approve-erasure";
        public static final String RUN_ACTION = "run-action";
        public static final String AWAIT_CALLBACK = "await-callback";
        public static final String CALLBACK_LATE = "callback-late";
        public static final String CALLBACK_MISSING = "callback-missing";
        public static final String EMAIL_PROCESSOR = "email-processor";
        public static final String AWAIT_PROCESSOR = "await-processor";
        public static final String PROCESSOR_REMINDER_DUE = "processor-reminder-due";
        public static final String PROCESSOR_OVERDUE = "processor-overdue";
        public static final String RECORD_SYSTEM_RESULT = "record-system-result";
        public static final String SYSTEM_DONE = "system-done";

        private Activities() {
        }
    }

    /** Process variables. */
    /** Activities of request-appeal. */
    public static final class AppealActivities {
        public static final String DECIDE_APPEAL = "decide-appeal";
        public static final String APPEAL_REMINDER_DUE = "appeal-reminder-due";
        public static final String APPEAL_OVERDUE = "appeal-overdue";

        private AppealActivities() {
        }
    }

    /** Activities of opt-out-batch. */
    public static final class BatchActivities {
        public static final String CARRY_OUT_BATCH = "carry-out-batch";
        public static final String SELECT_BATCH_SYSTEMS = "select-batch-systems";
        public static final String CARRY_TO_SYSTEM = "carry-to-system";
        public static final String ROUTE_BATCH = "route-batch";
        public static final String APPLY_BATCH = "apply-batch";
        public static final String APPLY_BATCH_BY_HAND = "apply-batch-by-hand";
        public static final String COMPLETE_BATCH = "complete-batch";
        public static final String BATCH_REMINDER_DUE = "batch-reminder-due";
        public static final String BATCH_OVERDUE = "batch-overdue";
        public static final String REMIND_BATCH = "remind-batch";
        public static final String ESCALATE_BATCH = "escalate-batch";

        private BatchActivities() {
        }
    }

    public static final class Variables {
        public static final String REFERENCE = "reference";
        /** Of opt-out-batch: the batch's id, its purpose, and each system's route ("automated" or "manual"). */
        public static final String BATCH_ID = "batchId";
        public static final String PURPOSE = "purpose";
        public static final String BATCH_ROUTE = "batchRoute";
        public static final String REMINDER_AT = "reminderAt";
        public static final String REQUEST_TYPE = "requestType";
        public static final String REGIME = "regime";
        public static final String VERIFICATION_REQUIRED = "verificationRequired";
        public static final String VERIFICATION_EXPIRES_AT = "verificationExpiresAt";
        public static final String DUE_DATE = "dueDate";
        /** Of request-appeal: its one reminder, the ladder's first rung for the appeal's date. */
        public static final String FIRST_REMINDER_AT = "firstReminderAt";
        public static final String OVERDUE_AT = "overdueAt";
        /** The rung of the request's ladder its one timer waits for ({@code DueDateTimers.Rung}). */
        public static final String REMINDER_RUNG = "reminderRung";
        /** When that rung is due: the date of the request's one ladder timer. */
        public static final String NEXT_REMINDER_AT = "nextReminderAt";
        public static final String SYSTEM_IDS = "systemIds";
        public static final String SYSTEM_ID = "systemId";
        public static final String OWNER_GROUP = "ownerGroup";
        public static final String TASK_NAME = "taskName";
        public static final String INSTRUCTIONS = "instructions";
        public static final String SYSTEM_NAME = "systemName";
        public static final String SYSTEM_KEY = "systemKey";
        /** manual, automated or processor: which way "Load system" sends the request. */
        public static final String ROUTE = "route";
        public static final String CONNECTOR_ACTION = "connectorAction";
        public static final String AUTO_APPROVE = "autoApprove";
        public static final String ERASURE_PLAN_STEP = "erasurePlanStep";
        public static final String ERASURE_APPROVED = "erasureApproved";
        public static final String AWAITING_CALLBACK = "awaitingCallback";
        public static final String CALLBACK_REMIND_AT = "callbackRemindAt";
        public static final String CALLBACK_INCIDENT_AT = "callbackIncidentAt";
        public static final String PROCESSOR_REMINDER_CYCLE = "processorReminderCycle";
        /** Set by every route when the system is done (task completion, connector result, callback, confirmation). */
        public static final String OUTCOME = "outcome";
        public static final String RESULT_SUMMARY = "resultSummary";
        public static final String COMPLETED_BY = "completedBy";
        /** The privacy officer who released the access package after reviewing it. */
        public static final String PACKAGE_REVIEWED_BY = "packageReviewedBy";

        private Variables() {
        }
    }

    private ProcessModel() {
    }
}
