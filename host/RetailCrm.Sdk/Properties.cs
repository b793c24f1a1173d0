using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("RetailCrm.Kernel")]
