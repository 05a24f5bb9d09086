/** Reminders before a task is due, escalations to the step's supervisors when it is overdue, and problems reported in executing a decision, as in-app notices. */
package cn.majordecision.notifications;
