"""Files the user owns: answers, the resume file, scenarios, private writes."""
