/** After the decision (Arts. 34-37): execution and its reports, public feedback, post-decision evaluation, suspension pending the organ, and changes of the decision through a linked case. */
package cn.majordecision.execution;
