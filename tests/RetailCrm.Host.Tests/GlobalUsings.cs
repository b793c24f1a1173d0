global using Shouldly;
global using Xunit;
global using RetailCrm.Testing;
