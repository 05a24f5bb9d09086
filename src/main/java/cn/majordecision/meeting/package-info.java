/** Collective discussion (Arts. 29-30): quorum, each member's view, the dissent, and the head's decision. */
package cn.majordecision.meeting;
