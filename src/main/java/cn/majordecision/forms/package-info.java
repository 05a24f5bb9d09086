/** The Camunda Forms of the user tasks, read from {@code forms/}, and the server-side validation of submissions. */
package cn.majordecision.forms;
