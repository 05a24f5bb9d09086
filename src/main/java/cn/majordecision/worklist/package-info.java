/** The reviewers' and officers' work: inbox, claim, task view with its form and case context, validated completion. */
package cn.majordecision.worklist;
