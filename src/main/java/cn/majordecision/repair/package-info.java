/**
 * Operators' repairs of a live case's engine state (retry a failed job, resolve an incident, move a token back): each
 * with a reason, in the audit log, the timeline and the compliance report, and never a step the statute has not seen.
 */
package cn.majordecision.repair;
