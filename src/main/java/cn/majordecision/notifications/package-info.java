/** Reminders before a task is due and escalations to the step's supervisors when it is overdue, as in-app notices. */
package cn.majordecision.notifications;
