package review

// ChangeObject exposes changeObject to the external tests.
var ChangeObject = changeObject
