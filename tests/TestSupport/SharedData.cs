namespace AlloyLint.TestSupport; public static class SharedData { }
